/**
 * A small ZIP writer (deflate, no encryption, no ZIP64): enough for a release's CSV and JSON files, without
 * a dependency. Node-only because it uses node:zlib. Entries get a fixed timestamp (the release date) so
 * the same data always gives the same bytes. Format: PKWARE APPNOTE 6.3.10, sections 4.3.7, 4.3.12, 4.3.16.
 */
import { promisify } from 'node:util';
import { crc32, deflateRaw, inflateRawSync } from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw);

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  data: string | Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 1 << 11;
const DEFLATE = 8;
const VERSION = 20;
const LIMIT = 0xffffffff;

/** MS-DOS date and time of an ISO date (at noon, so no time zone moves it to another day). */
export function dosDateTime(isoDate: string): { date: number; time: number } {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return { date: ((y! - 1980) << 9) | (m! << 5) | d!, time: 12 << 11 };
}

/** An entry compressed, with what its headers need. */
interface PackedEntry {
  name: Buffer;
  crc: number;
  size: number;
  packed: Buffer;
}

async function pack(entry: ZipEntry): Promise<PackedEntry> {
  const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
  if (raw.length >= LIMIT) throw new Error(`zip: ${entry.name} is te groot voor een zip zonder ZIP64`);
  return { name: Buffer.from(entry.name, 'utf8'), crc: crc32(raw), size: raw.length, packed: await deflateRawAsync(raw, { level: 6 }) };
}

/**
 * Entries compressed at the same time on libuv's thread pool. A few at a time: the entries may come from a
 * generator that renders them one by one, and only the compressed bytes of earlier ones need to stay.
 */
const IN_FLIGHT = 3;

/** Zips the entries (an array, or a generator that makes them one by one). */
export async function createZip(entries: Iterable<ZipEntry>, isoDate: string): Promise<Buffer> {
  const zip = new ZipWriter(isoDate);
  for (const entry of entries) await zip.add(entry);
  return zip.finish();
}

/** A zip built entry by entry; several can be open at once (the build fills every release's zip per dataset). */
export class ZipWriter {
  private readonly packing: Array<Promise<PackedEntry>> = [];

  constructor(private readonly isoDate: string) {}

  /** Starts compressing an entry; resolves when there is room for the next. */
  async add(entry: ZipEntry): Promise<void> {
    const packed = pack(entry);
    // Handled by the awaits below; without this an early failure would count as unhandled meanwhile.
    packed.catch(() => undefined);
    this.packing.push(packed);
    if (this.packing.length >= IN_FLIGHT) await this.packing[this.packing.length - IN_FLIGHT];
  }

  async finish(): Promise<Buffer> {
    return assemble(await Promise.all(this.packing), this.isoDate);
  }
}

function assemble(packed: readonly PackedEntry[], isoDate: string): Buffer {
  const { date, time } = dosDateTime(isoDate);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, crc, size, packed: data } of packed) {
    if (offset + data.length >= LIMIT) throw new Error(`zip: ${name.toString('utf8')} past niet meer in een zip zonder ZIP64`);
    // The local header and the central directory entry share a run of fields (APPNOTE 4.3.7 and 4.3.12).
    const shared = (header: Buffer, at: number) => {
      header.writeUInt16LE(VERSION, at);
      header.writeUInt16LE(UTF8_NAMES, at + 2);
      header.writeUInt16LE(DEFLATE, at + 4);
      header.writeUInt16LE(time, at + 6);
      header.writeUInt16LE(date, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(data.length, at + 14);
      header.writeUInt32LE(size, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    shared(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(VERSION, 4); // version made by
    shared(central, 6);
    // extra and comment lengths, disk number, internal and external attributes: all zero
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(packed.length, 8);
  end.writeUInt16LE(packed.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Reads a zip written by createZip back (for tests): entry names and contents. */
export function readZip(zip: Buffer): Array<{ name: string; data: Buffer; crcOk: boolean }> {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('zip: geen einde van de centrale map');
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const out: Array<{ name: string; data: Buffer; crcOk: boolean }> = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`zip: centrale header ${i} ontbreekt`);
    const crc = zip.readUInt32LE(at + 16);
    const packedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const data = inflateRawSync(zip.subarray(dataAt, dataAt + packedSize));
    out.push({ name, data, crcOk: crc32(data) === crc });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}
