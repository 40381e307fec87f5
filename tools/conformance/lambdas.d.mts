export declare const LAMBDAS: Record<string, (x: number) => number>;
