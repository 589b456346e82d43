// Entry for the browser page: the API's base URL comes in the page URL (`?api=`), and the results
// land on `globalThis.__smokeResult` for the harness to read.
import { runSmoke } from './smoke.mjs';

const baseUrl = new URL(globalThis.location.href).searchParams.get('api');
runSmoke({ baseUrl }).then(
  (results) => (globalThis.__smokeResult = { results }),
  (error) => (globalThis.__smokeResult = { error: String(error?.stack ?? error) }),
);
