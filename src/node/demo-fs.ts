/**
 * Writes the demonstration data folder (src/lib/demo) to disk. Node-only: it uses node:fs, so it lives
 * apart from the pure generator.
 */
import { readFileSync } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DemoData } from '../lib/demo/generate';
import { parseFormerPopulation, type FormerPopulation } from '../lib/demo/population';
import { writeProtectedDataDir } from './disclosure-fs';
import { loadRegister } from './reference-fs';
import { projectRoot } from './project-paths';

/** The hand-made approximate inhabitants of gemeenten that ceased before 2021, relative to the project root. */
export const FORMER_POPULATION_FILE = path.join('scripts', 'reference-input', 'inwoners-voormalig.csv');

export function readFormerPopulation(root = projectRoot()): FormerPopulation[] {
  const file = path.join(root, FORMER_POPULATION_FILE);
  return parseFormerPopulation(readFileSync(file, 'utf8'), file);
}

/**
 * Writes the folder atomically (writeDataDir checks it before it replaces anything) and protected (disclosure
 * control, as every data folder), then its README; returns its size in bytes.
 */
export async function writeDemoDir(dir: string, data: DemoData, readme: string, onProgress?: (message: string) => void): Promise<number> {
  await writeProtectedDataDir(dir, data, loadRegister(), onProgress);
  await writeFile(path.join(dir, 'README.md'), readme);
  return folderSize(dir);
}

export async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? await folderSize(full) : (await stat(full)).size;
  }
  return total;
}
