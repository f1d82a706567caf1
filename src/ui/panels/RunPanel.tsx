import { Placeholder } from '../Panel';

// STUB (lead): replaced by the panel's implementation.
export function RunPanel() {
  return <Placeholder>Not built yet.</Placeholder>;
}
