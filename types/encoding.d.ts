// The WHATWG Encoding API's decoder: the one host API the domain uses. Browsers, workers and
// Node all provide it, but the ES library declares nothing outside the language, so the domain
// project (ES lib only) declares exactly this much.
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
}

declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};
