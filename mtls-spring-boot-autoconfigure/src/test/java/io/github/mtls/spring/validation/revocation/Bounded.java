package io.github.mtls.spring.validation.revocation;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a piece of a test that talks to a stalled peer on its own daemon thread, so that a
 * missing timeout fails the test instead of hanging the build. The bound is a safety net
 * far above the timeouts under test, not a measurement.
 */
public final class Bounded {

	private Bounded() {
	}

	/**
	 * Run the task and return its result.
	 * @param <T> the result type
	 * @param bound how long the task may run before the test fails
	 * @param task the task
	 * @return what the task returned
	 */
	public static <T> T within(Duration bound, Callable<T> task) {
		FutureTask<T> future = new FutureTask<>(task);
		Thread thread = new Thread(future, "bounded-test-task");
		thread.setDaemon(true);
		thread.start();
		try {
			return assertThat(future).succeedsWithin(bound).actual();
		}
		finally {
			thread.interrupt();
		}
	}

	/**
	 * Run the task.
	 * @param bound how long the task may run before the test fails
	 * @param task the task
	 */
	public static void within(Duration bound, Task task) {
		within(bound, () -> {
			task.run();
			return null;
		});
	}

	/**
	 * A task without a result.
	 */
	@FunctionalInterface
	public interface Task {

		/**
		 * Run the task.
		 * @throws Exception on failure
		 */
		void run() throws Exception;

	}

}
