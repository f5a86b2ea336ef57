// The shape of a receiver table: how a URL is recognised and what each of its query parameters means.

/**
 * What a parameter's value becomes in what the receiver records (receivers/record.ts): the click or chat it is
 * recorded on, its status or event, its amount, cost and currency, its transaction id, extra data, a dialogue's
 * step, a custom field.
 */
export type RecordRole = 'subject' | 'status' | 'amount' | 'cost' | 'currency' | 'transaction' | 'extra' | 'step' | 'field';

/** How a receiver says what it records: a conversion on a click, an event of a user, an update of a dialogue. */
export type RecordKind = 'conversion' | 'event' | 'dialogue';

/** One query parameter a receiver reads, named exactly (`subid`) or by a pattern (`sub_id_1`…`sub_id_30`). */
export interface ReceiverParameter {
  /** The exact name; case-sensitive, as receivers read it. */
  name?: string;
  /** A pattern of names, for numbered or keyed families (`sub_id_N`, `fields.KEY`). */
  pattern?: RegExp;
  /** How a family is written to the user: `sub_id_1…sub_id_30`. */
  label?: string;
  /** What the receiver does with it (English; translated where shown). */
  meaning: string;
  required?: boolean;
  /** The values it accepts (checked only when the value is a literal, never a placeholder or macro). */
  values?: readonly string[];
  /**
   * Parameters of the same URL whose comma-separated values are accepted here too: Keitaro's status transformations
   * (`sale_status=approved,paid`) make `status=approved` valid.
   */
  valuesMappedBy?: RegExp;
  /** True when values outside `values` are accepted as custom ones (said as information, not an error). */
  openValues?: boolean;
  /**
   * The receiver reads the value as a number: a literal must be one, and a placeholder must hold one
   * (judged from its type, or from its sample value when its type is text; see value-types.ts).
   */
  number?: boolean;
  /** The receiver reads the value as an integer (implies a number). */
  integer?: boolean;
  /** The value the receiver assumes when the parameter is absent, and the values a quick fix offers to write instead. */
  whenAbsent?: { value: string; fixes: readonly string[] };
  /** What a quick fix for a missing required parameter writes as its value. */
  suggestedValue?: string;
  /** `fields.KEY` families: the key after the prefix is a custom field of the fields file. */
  customFieldPrefix?: string;
  /** An example value for hovers. */
  example?: string;
  /** What the value becomes in the record; a parameter without a role is not part of what is recorded. */
  records?: RecordRole;
}

/** What a receiver does with query parameters it does not know. */
export type UnknownParameterPolicy = 'ignored' | 'unchecked';

export interface ReceiverDefinition {
  /** Stable id (`keitaro`). */
  id: string;
  /** The receiver's name as users know it (`Keitaro`). */
  name: string;
  /** A filter on the URL's host (placeholders masked): the table applies only there. Any host when absent. */
  host?: RegExp;
  /** A filter on the URL's path, from its first `/` up to `?` or `#` (placeholders masked). */
  path: RegExp;
  /**
   * What identifies the receiver (see recognise.ts). Its own service hosts (`*.voluumtrk.com`): a URL there is
   * this receiver's, whatever its parameters.
   */
  serviceHosts?: RegExp;
  /** Parameters characteristic of this receiver (`cid`, `param1`…`param5`): each one present is evidence for it. */
  signature?: readonly (string | RegExp)[];
  /**
   * Other services answer at this path too (`/postback`; Binom's `click.php` also takes clicks), so the path alone
   * is no evidence: a service host or a signature parameter is needed.
   */
  pathIsShared?: boolean;
  parameters: readonly ReceiverParameter[];
  /** `ignored`: the receiver drops unknown parameters, so each is reported; `unchecked`: its documentation is silent. */
  unknownParameters: UnknownParameterPolicy;
  /** Said after the unknown-parameter message (English; translated). */
  unknownHint?: string;
  /** Free slots an unknown parameter may be moved to, e.g. `sub_id_{n}` for n = 1…30. */
  extraSlots?: { template: string; from: number; to: number };
  /** The title of the one fix that makes a whole URL right (adds what is missing, moves unknown parameters to slots). */
  wholeFix?: string;
  /** How what it records is said; a table without one (a user's) is not explained: nothing is invented. */
  recordsAs?: RecordKind;
  /** A Chatterfy inbound link: braces, brackets and hashes in its query values are the partner network's macros. */
  partnerMacros?: boolean;
  /** Where its rules come from. */
  source: string;
}

/** What a known receiver records from a request as sent (made by receivers/record.ts). */
export interface RecordLine {
  /** The parameter as sent (`status`, `sub_id_1`). */
  name: string;
  /** Its value as the receiver reads it (percent-decoded), or the receiver's default when it was not sent. */
  value: string;
  /** Why the value is what it is, when that is not plain: a default, a mapped partner status. */
  note?: string;
  /** What the receiver makes of the value, when it is not the value itself (a partner status mapped to its own). */
  recordedAs?: string;
}

export interface ReceiverRecord {
  receiver: string;
  /** One sentence a person reads: `Keitaro records "sale" of 0 usd on click 7f3a9c01.` */
  summary: string;
  /** What is recorded, one parameter a line, in the order of the roles. */
  lines: RecordLine[];
  /** What makes the record go wrong: an empty click id records nothing. */
  problems: string[];
}
