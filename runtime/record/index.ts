/**
 * Event recording: {@link createEventRecorder} writes core/v1 Events (aggregating repeats); get
 * one from the manager with `mgr.getEventRecorderFor(name)`.
 */
export {
  createEventRecorder,
  type EventRecorder,
  type EventRecorderOptions,
  type EventType,
} from "./event_recorder.js";
