/** A set of words in another language: the same keys, strings stay strings, functions keep their arguments. */
export type Words<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};
