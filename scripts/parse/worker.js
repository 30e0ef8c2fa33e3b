// Worker entry: registers the TypeScript loader in this thread, then parses its share of files.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
