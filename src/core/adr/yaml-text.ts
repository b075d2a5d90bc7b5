// YAML text for edited values, in the style the file already uses (quotes, flow padding).
import { isScalar, stringify, type Scalar, type YAMLSeq } from 'yaml';

export type StringType = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

export function stringTypeOf(type: Scalar['type'] | undefined): StringType {
  return type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE' ? type : 'PLAIN';
}

/** The quoting a list's items use: the first quoted item decides, plain otherwise. */
export function itemStringType(seq: YAMLSeq): StringType {
  for (const item of seq.items) if (isScalar(item) && item.type !== 'PLAIN') return stringTypeOf(item.type);
  return 'PLAIN';
}

/** One scalar (quoted only when YAML needs it, or when the file quotes). */
export function yamlScalar(value: string, type: StringType): string {
  return stringify(value, { defaultStringType: type, defaultKeyType: 'PLAIN', lineWidth: 0 }).trimEnd();
}

export function yamlFlowList(values: readonly string[], type: StringType, padded: boolean): string {
  return stringify(values, { collectionStyle: 'flow', flowCollectionPadding: padded, defaultStringType: type, lineWidth: 0 }).trimEnd();
}
