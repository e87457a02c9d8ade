// The rooms built in 3D so far; an exhibit elsewhere has its page's text and the catalogue, not yet a 3D view.
export const roomsIn3d: ReadonlySet<string> = new Set(['lobby']);
