#!/usr/bin/env node
// The `koryu` command: runs the TypeScript sources through tsx's loader, compiled with the project's tsconfig.json
// wherever the command is started from (tsx would otherwise look for one in the current folder, and compile the
// .tsx views for React instead of Preact).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/main.ts');
