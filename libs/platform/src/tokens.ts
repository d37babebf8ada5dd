/** Injection tokens for what is an interface, not a class. */
export const CONFIG = Symbol('sitrep:config');
export const EVENT_SINK = Symbol('sitrep:event-sink');
export const KAFKA = Symbol('sitrep:kafka');
