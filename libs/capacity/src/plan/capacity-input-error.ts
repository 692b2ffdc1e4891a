/** An input the planner cannot plan with; the message names the file and field to fix. */
export class CapacityInputError extends Error {}
