/** Entry of /zoeken/zoekvak.js (see ./search-box.ts). */
import { enhanceSearchBox } from './search-box';

enhanceSearchBox();
