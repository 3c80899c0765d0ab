/** `npm start`: build the web app if its sources changed, then run the server in this process. */
import { buildWeb } from './build-web.ts';

buildWeb({ force: false });
await import('../apps/server/src/main.ts');
