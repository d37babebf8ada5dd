/** Feeds projections from a transport; only the runner knows which transport that is. */
export interface ProjectionRunner {
  start(): Promise<void>;
  /** Finishes the batch in hand, commits it, and stops. */
  stop(): Promise<void>;
}

export interface BatchReport {
  readonly stream: string;
  readonly partition: number;
  readonly events: number;
  readonly deadLettered: number;
  readonly checkpoint: number;
  readonly durationMs: number;
}

export type BatchListener = (report: BatchReport) => void;
export type ErrorListener = (error: unknown) => void;
