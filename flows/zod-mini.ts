// The zod every schema on a Lambda's import graph is written with: zod/mini, whose functions a bundle keeps
// only when used (classic zod's methods bring the whole library, JSON-schema machinery included, into each
// Lambda). zod/mini leaves messages unset, where classic zod installs English ones itself: set them here, so
// an error still says what is wrong (and says it in the same words on every Lambda, classic or not).
import { en } from 'zod/locales';
import { config } from 'zod/mini';

config(en());

export * from 'zod/mini';
