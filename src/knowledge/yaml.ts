import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';

/**
 * Parses a YAML data file the way editors expect: plain values stay strings (a date like 2026-11-27 is not turned
 * into a Date), numbers and booleans are typed. js-yaml is used for speed: start-up parses 836 front matters.
 * Throws {@link YamlSyntaxError} with the first line of the parser's message.
 */
export function parseYamlData(text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA });
  } catch (error) {
    if (error instanceof YAMLException) throw new YamlSyntaxError(`${error.reason} (line ${error.mark.line + 1}, column ${error.mark.column + 1})`);
    throw error;
  }
}

/** A YAML file is not well formed; the message says where. */
export class YamlSyntaxError extends Error {
  override readonly name = 'YamlSyntaxError';
}
