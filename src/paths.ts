// Where the package's own files are, wherever it is run from.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: dist/paths.js → .. */
export const packageRoot = (): string => join(dirname(fileURLToPath(import.meta.url)), '..');
export const bundledSamplesDir = (): string => join(packageRoot(), 'data', 'samples');
export const curatedUnitsFile = (): string => join(packageRoot(), 'data', 'units.json');
