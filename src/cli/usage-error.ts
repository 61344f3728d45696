/** A problem with the user's input: reported without a stack trace, exit status 2. */
export class UsageError extends Error {}
