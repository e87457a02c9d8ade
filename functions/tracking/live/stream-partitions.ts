/**
 * The table partitions whose changes the live map and the console show, for the stream's event source filter
 * (cdk/stacks/realtime-stack.ts): the boats' latest positions, and the safety alerts. Every other change (each
 * position of the history, bookings, sessions…) never reaches the function.
 */
export const TRACKING_LIVE_PARTITIONS = { beginningWith: ['TRACKING#LATEST', 'TRACKING#ALERT'] } as const;
