/**
 * A TestState request the emulator refuses before running its state: the Step Functions error code
 * (`ValidationException`, `InvalidDefinition`, `InvalidExecutionInput`) and AWS's message.
 */

/** A refused TestState request: its error code and message. */
export class TestStateRefusal extends Error {
  override readonly name = 'TestStateRefusal';
  constructor(
    readonly code: 'ValidationException' | 'InvalidDefinition' | 'InvalidExecutionInput',
    message: string,
  ) {
    super(message);
  }
}

/** A ValidationException of TestState. */
export const invalid = (message: string): TestStateRefusal =>
  new TestStateRefusal('ValidationException', message);
