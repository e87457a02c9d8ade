// The 3D page's instrumentation (window.__museum), as the browser tests and the bench read it: the page's own
// declaration, so the two cannot drift apart.
import type {} from '../../web/src/museum/instrumentation';
