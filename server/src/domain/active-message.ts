// The selection rule lives in the contract (the console orders its "Shown now" list by it too); the
// server's modules keep importing it from their domain.
export {
  ALL_BASES,
  activeMessages,
  compareByPriority,
  isActiveAt,
  selectActiveMessage,
  targetsBase,
} from '../../../contract/active-message.ts';
