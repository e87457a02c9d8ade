/**
 * The table partitions whose changes the live map and the console show, for the stream's event source filter
 * (cdk/stacks/realtime-stack.ts): the boats' latest positions, and the safety alerts' day records (each alert's change once; its current copy
 * changes with it and is left out). Every other change (each
 * position of the history, bookings, sessions…) never reaches the function.
 */
export const TRACKING_LIVE_PARTITIONS = {
  beginningWith: ['TRACKING#LATEST', 'TRACKING#ALERT#DAY#'],
} as const;
