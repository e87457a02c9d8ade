// The museum's content as the 3D viewer takes it, in the visitor's language: each exhibit with what the viewer
// shows of it and the box its model fills, and each room's name.

export interface ViewerExhibit {
  id: string;
  roomId: string;
  title: string;
  period: string;
  summary: string;
  href: string;
  kind: string;
  size: { width: number; height: number; depth: number };
}

export interface ViewerRoom {
  id: string;
  name: string;
  /** What the room shows, in a sentence: written large on the wall a visitor faces on entering. */
  summary: string;
}
