import type { SitrepEvent } from './sitrep-event';

/** An event as the log holds it: its envelope, where it stands, and when Sitrep recorded it. */
export interface StoredEvent {
  readonly position: number;
  readonly event: SitrepEvent;
  /** When Sitrep appended it to the log: the "known time" of everything read from it. */
  readonly recordedAt: string;
  readonly hash: string;
}
