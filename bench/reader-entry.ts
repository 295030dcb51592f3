// What the benchmark page needs from the reader; bundled by reader-bundle.ts.
export { readFrame, readFrameDetailed } from '../src/reader/frame-reader';
export { watchPage } from '../src/reader/watch';
