package anguan.local.e2e;

import anguan.local.LocalRunner;

/** The end-to-end tests drive the one local runner of this test JVM, through HTTP only. */
final class RunnerFixture {
    private RunnerFixture() {
    }

    static Api api() {
        return new Api(LocalRunner.shared().baseUrl().toString().replaceAll("/$", ""));
    }
}
