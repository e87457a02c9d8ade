// What every server-rendered page finds in Astro.locals: the domain services, passed in by the host, and what the
// request brought (the posted form, already read).
declare namespace App {
  type PageLocals = import('../../functions/site/render').PageLocals;
  interface Locals extends PageLocals {}
}
