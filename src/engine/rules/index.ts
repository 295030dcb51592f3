/** Every rule, in a stable order. One file per rule, named by its id. */
import { minutesNotDocumented } from './minutes-not-documented';
import type { Rule } from './types';
import { unitsBelowMinutes } from './units-below-minutes';
import { unitsExceedMinutes } from './units-exceed-minutes';

export const ALL_RULES: readonly Rule[] = [unitsExceedMinutes, unitsBelowMinutes, minutesNotDocumented];
