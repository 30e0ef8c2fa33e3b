// Worker entry when running from the sources: registers the TypeScript loader in this thread, then parses
// its share of files. (The prebuilt bundle starts its workers itself: see pool.ts.)
import { register } from 'tsx/esm/api';

register();
const { workerMain } = await import('./worker-main.ts');
workerMain();
