// What every server-rendered page finds in Astro.locals: the domain services, passed in by the host.
declare namespace App {
  type SiteServices = import('../../functions/site/services').SiteServices;
  interface Locals extends SiteServices {}
}
