// asl-validator ships JavaScript only: the part of its API this project uses.
declare module 'asl-validator' {
  interface AslError {
    readonly 'Error code'?: string;
    readonly Message?: string;
    readonly message?: string;
    readonly schemaError?: { readonly instancePath?: string };
  }
  function aslValidator(
    definition: unknown,
    options?: { checkPaths?: boolean; checkArn?: boolean },
  ): { isValid: boolean; errors: AslError[]; errorsText: (separator?: string) => string };
  export default aslValidator;
}
