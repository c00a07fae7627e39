/**
 * ARN splitting that keeps `${aws:...}` policy variables whole (their names contain colons).
 * Returns the five fields after `arn:` (partition, service, region, account, resource), the resource
 * holding everything after the fifth colon.
 */
export function splitArnFields(arn: string): string[] | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const fields: string[] = [];
  let start = 4;
  let depth = 0;
  for (let i = 4; i < arn.length && fields.length < 4; i++) {
    const c = arn[i];
    if (c === '$' && arn[i + 1] === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (c === ':' && depth === 0) {
      fields.push(arn.slice(start, i));
      start = i + 1;
    }
  }
  fields.push(arn.slice(start));
  return fields.length === 5 ? fields : undefined;
}

/** Like {@link splitArnFields} for a policy pattern: a short ARN (`arn:aws:sagemaker:*`) is padded with `*`. */
export function splitArnPatternFields(pattern: string): string[] | undefined {
  const fields = splitArnFields(pattern);
  if (fields) return fields;
  if (!pattern.startsWith('arn:')) return undefined;
  const partial: string[] = [];
  let start = 4;
  let depth = 0;
  for (let i = 4; i <= pattern.length; i++) {
    const c = pattern[i];
    if (c === '$' && pattern[i + 1] === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if ((c === ':' && depth === 0) || i === pattern.length) {
      partial.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  while (partial.length < 5) partial.push('*');
  return partial;
}
