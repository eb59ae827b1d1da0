import { styleText } from 'node:util';
import type { DraftState, InterviewStatus, ThankYouStatus } from '../core/types.ts';

type Format = Parameters<typeof styleText>[0];

const INTERVIEW: Record<InterviewStatus, Format> = {
  cancelled: 'gray',
  scheduled: 'gray',
  rejected: 'red',
  'your-move': ['magenta', 'bold'],
  'gone-quiet': 'gray',
  'thank-you-due': ['yellow', 'bold'],
  'waiting-after-check-in': 'cyan',
  'check-in-due': ['yellow', 'bold'],
  'awaiting-reply': 'blue',
};

const THANK_YOU: Record<ThankYouStatus, Format> = {
  'not-yet-due': 'gray',
  due: 'yellow',
  'on-time': 'green',
  late: 'yellow',
  missing: 'red',
};

const DRAFT: Record<DraftState, Format> = {
  planned: 'cyan',
  created: 'green',
  exists: 'gray',
  dismissed: 'gray',
  stale: 'yellow',
};

export interface Painter {
  interview(status: InterviewStatus): string;
  thankYou(status: ThankYouStatus): string;
  draft(state: DraftState): string;
  bold(text: string): string;
  dim(text: string): string;
}

/** Colours for status words. The caller decides whether colour is wanted (TTY, NO_COLOR), so the
 *  stream check of styleText is off: with `color` false the output holds no escape codes at all. */
export function painter(color: boolean): Painter {
  const paint = (format: Format, text: string) =>
    color ? styleText(format, text, { validateStream: false }) : text;
  return {
    interview: (status) => paint(INTERVIEW[status], status),
    thankYou: (status) => paint(THANK_YOU[status], status),
    draft: (state) => paint(DRAFT[state], state),
    bold: (text) => paint('bold', text),
    dim: (text) => paint('dim', text),
  };
}
