package io.execgate.drift;

/**
 * One family of findings about an operation the adapter calls and both documents describe: what
 * the adapter relies on there (its auth, what it sends, what it reads, what it translates), old
 * document against new. {@link DependencyCheck} runs them in report order.
 */
interface DependencyChecker {

    void check(CalledOperation call, Findings findings);
}
