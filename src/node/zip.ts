/**
 * A small ZIP writer (deflate, no encryption, no ZIP64): enough for a release's CSV and JSON files, without
 * a dependency. Node-only because it uses node:zlib. Entries get a fixed timestamp (the release date) so
 * the same data always gives the same bytes. Format: PKWARE APPNOTE 6.3.10, sections 4.3.7, 4.3.12, 4.3.16.
 */
import { closeSync, openSync, writevSync } from 'node:fs';
import { promisify } from 'node:util';
import { crc32, deflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw);

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  /** The contents, or UTF-8 parts to be joined (a file cut from a table's encoded lines). */
  data: string | Uint8Array | readonly Uint8Array[];
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 1 << 11;
const DEFLATE = 8;
const VERSION = 20;
const LIMIT = 0xffffffff;

/**
 * Deflate level 5. Measured on the release zips of the demonstration data (424 MB of CSV and JSON, 3 zips):
 * level 6 (zlib's default) 7,2 s of CPU for 34,4 MB, level 5 3,4 s for 36,3 MB, level 4 2,2 s for 39,8 MB,
 * level 1 1,0 s for 46,4 MB. Level 5 makes a release's zip 5% larger (12,1 instead of 11,5 MB) for half
 * the build's compression time; lower levels would cost a reader noticeably more download.
 */
export const ZIP_LEVEL = 5;

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

/**
 * zlib hands its output back in chunks of this size. Its default (16 kB) meant a round trip to JavaScript
 * and a new buffer for every 16 kB of a 3 MB entry: 1,1 s of the build's CPU in allocations alone.
 */
const OUTPUT_CHUNK = 1 << 20;

/**
 * Entries up to this size are compressed at once on the calling thread. A gemeente's zip has some fifteen
 * entries of 1 to 120 kB, 5.800 in all: through the thread pool each got its own 1 MB output buffer and a
 * round trip, which made the downloads worker spend most of its time allocating and collecting.
 */
const SMALL_ENTRY = 1 << 20;

/**
 * Level 1 with zlib's largest hash table for those. Measured on Amsterdam's zip entries 413 times (197 MB):
 * level 5 1,7 s of CPU for 21,4 MB, level 1 0,9 s for 25,5 MB. A gemeente's zip of 50 kB grows by some 10 kB,
 * which a reader does not notice; the build saves a second.
 */
const SMALL_ENTRY_OPTIONS = { level: 1, memLevel: 9 } as const;

/**
 * The entry's bytes, copied when they are parts (which may be a reused buffer's, see files.ts): a large entry
 * into `buffer`, a small one into a buffer of its own.
 */
function rawBytes(data: ZipEntry['data'], buffer: (size: number) => Buffer): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  const parts = data instanceof Uint8Array ? [data] : data;
  const size = parts.reduce((n, p) => n + p.byteLength, 0);
  if (size <= SMALL_ENTRY) return Buffer.concat(parts, size);
  const raw = buffer(size);
  let at = 0;
  for (const part of parts) {
    raw.set(part, at);
    at += part.byteLength;
  }
  return raw;
}

const LARGE_ENTRY_OPTIONS = { level: ZIP_LEVEL, chunkSize: OUTPUT_CHUNK } as const;

function packed(name: string, raw: Buffer, packed: Buffer): PackedEntry {
  return { name: Buffer.from(name, 'utf8'), crc: crc32(raw), size: raw.length, packed };
}

function checkSize(name: string, raw: Buffer): void {
  if (raw.length >= LIMIT) throw new Error(`zip: ${name} is te groot voor een zip zonder ZIP64`);
}

/** Compresses a large entry on libuv's thread pool, so a server's event loop stays free meanwhile. */
async function pack(name: string, raw: Buffer): Promise<PackedEntry> {
  checkSize(name, raw);
  return packed(name, raw, raw.length <= SMALL_ENTRY ? deflateRawSync(raw, SMALL_ENTRY_OPTIONS) : await deflateRawAsync(raw, LARGE_ENTRY_OPTIONS));
}

/**
 * Compresses on the calling thread. The build's downloads worker runs at the lowest priority, so that the
 * pages go first (downloads-worker.ts); on the thread pool its compression ran at normal priority beside the
 * page rendering and slowed it: measured, the default build took 86 s with it there and 73 s without.
 */
function packHere(name: string, raw: Buffer): PackedEntry {
  checkSize(name, raw);
  return packed(name, raw, deflateRawSync(raw, raw.length <= SMALL_ENTRY ? SMALL_ENTRY_OPTIONS : LARGE_ENTRY_OPTIONS));
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

/**
 * Buffers for entries' bytes while they are compressed, shared by all zips and reused: a new 20 MB buffer
 * per entry would bring on full garbage collections of the whole heap (see files.ts).
 */
const spare: Buffer[] = [];

/** The smallest spare buffer that fits, or a new one a little larger than needed. */
function borrow(size: number): Buffer {
  let best = -1;
  for (let i = 0; i < spare.length; i++) if (spare[i]!.length >= size && (best < 0 || spare[i]!.length < spare[best]!.length)) best = i;
  return best >= 0 ? spare.splice(best, 1)[0]! : Buffer.allocUnsafeSlow(Math.ceil(size * 1.25));
}

/** Keeps the largest few: a large entry must not find only small buffers and allocate a new one each time. */
function giveBack(buffer: Buffer): void {
  spare.push(buffer);
  if (spare.length > IN_FLIGHT + 1) {
    const smallest = spare.reduce((min, b, i) => (b.length < spare[min]!.length ? i : min), 0);
    spare.splice(smallest, 1);
  }
}

/** Compresses entries a few at a time on the thread pool and hands them on in the order they were added. */
class Packer {
  /** The last entries' hand-overs, each resolved once its entry is compressed and taken. */
  private readonly recent: Array<Promise<void>> = [];
  private done: Promise<void> = Promise.resolve();

  constructor(private readonly take: (entry: PackedEntry) => void | Promise<void>) {}

  /** Starts compressing an entry (its bytes are copied first); resolves when there is room for the next. */
  async add(entry: ZipEntry): Promise<void> {
    let owned: Buffer | undefined;
    const raw = rawBytes(entry.data, (size) => (owned = borrow(size)).subarray(0, size));
    const packed = pack(entry.name, raw).finally(() => owned && giveBack(owned));
    // Handled through `done`; without this an early failure would count as unhandled meanwhile.
    packed.catch(() => undefined);
    this.done = this.done.then(async () => this.take(await packed));
    this.done.catch(() => undefined);
    // Only the last few are kept: a settled promise holds its compressed bytes.
    this.recent.push(this.done);
    if (this.recent.length >= IN_FLIGHT) await this.recent.shift();
  }

  finish(): Promise<void> {
    return this.done;
  }
}

/** A zip built entry by entry in memory (the dev server, tests). */
export class ZipWriter {
  private readonly packed: PackedEntry[] = [];
  private readonly packer = new Packer((entry) => void this.packed.push(entry));

  constructor(private readonly isoDate: string) {}

  add(entry: ZipEntry): Promise<void> {
    return this.packer.add(entry);
  }

  async finish(): Promise<Buffer> {
    await this.packer.finish();
    const { date, time } = dosDateTime(this.isoDate);
    const parts: Buffer[] = [];
    const directory = new CentralDirectory(date, time);
    for (const entry of this.packed) parts.push(...directory.add(entry));
    parts.push(...directory.end());
    return Buffer.concat(parts);
  }
}

/**
 * A zip written to a file entry by entry, as each is compressed on the calling thread (the build's downloads
 * worker, see packHere): only the central directory stays in memory, not the compressed entries (some 35 MB
 * per release, ten times that for a larger dataset).
 * Nothing is written before `ready` (the build's output folder is emptied first).
 */
export class ZipFileWriter {
  private fd: number | undefined;
  private readonly directory: CentralDirectory;

  constructor(readonly file: string, isoDate: string, private readonly ready: Promise<void> = Promise.resolve()) {
    const { date, time } = dosDateTime(isoDate);
    this.directory = new CentralDirectory(date, time);
  }

  /** Compresses the entry on this thread (see packHere) and writes it. */
  async add(entry: ZipEntry): Promise<void> {
    let owned: Buffer | undefined;
    let entryPacked: PackedEntry;
    try {
      entryPacked = packHere(entry.name, rawBytes(entry.data, (size) => (owned = borrow(size)).subarray(0, size)));
    } finally {
      if (owned) giveBack(owned);
    }
    if (this.fd === undefined) {
      await this.ready;
      this.fd = openSync(this.file, 'w');
    }
    writeAll(this.fd, this.directory.add(entryPacked));
  }

  /** Writes the central directory and closes the file; resolves to the zip's size in bytes. */
  async finish(): Promise<number> {
    try {
      this.fd ??= openSync(this.file, 'w');
      writeAll(this.fd, this.directory.end());
      return this.directory.offset;
    } finally {
      if (this.fd !== undefined) closeSync(this.fd);
      this.fd = undefined;
    }
  }
}

/** Writes buffers one after the other to a file (writevSync writes all of them or fails). */
export function writeAll(fd: number, parts: readonly Uint8Array[]): number {
  const size = parts.reduce((n, p) => n + p.byteLength, 0);
  const written = writevSync(fd, parts as Uint8Array[]);
  if (written !== size) throw new Error(`${written} van ${size} bytes geschreven`);
  return size;
}

/**
 * The entries' local headers and, kept for the end, the central directory (APPNOTE 4.3.7, 4.3.12, 4.3.16).
 * `offset` is where the next entry starts, and after end() the size of the zip.
 */
class CentralDirectory {
  private readonly centrals: Buffer[] = [];
  private count = 0;
  offset = 0;

  constructor(private readonly date: number, private readonly time: number) {}

  /** An entry's local header, name and compressed data, in the order to write them. */
  add({ name, crc, size, packed: data }: PackedEntry): Buffer[] {
    if (this.offset + data.length >= LIMIT) throw new Error(`zip: ${name.toString('utf8')} past niet meer in een zip zonder ZIP64`);
    // The local header and the central directory entry share a run of fields (APPNOTE 4.3.7 and 4.3.12).
    const shared = (header: Buffer, at: number) => {
      header.writeUInt16LE(VERSION, at);
      header.writeUInt16LE(UTF8_NAMES, at + 2);
      header.writeUInt16LE(DEFLATE, at + 4);
      header.writeUInt16LE(this.time, at + 6);
      header.writeUInt16LE(this.date, at + 8);
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
    central.writeUInt32LE(this.offset, 42);
    this.centrals.push(central, name);
    this.count++;
    this.offset += local.length + name.length + data.length;
    return [local, name, data];
  }

  /** The central directory and its end record. */
  end(): Buffer[] {
    const directory = Buffer.concat(this.centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.offset, 16);
    this.offset += directory.length + end.length;
    return [directory, end];
  }
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
