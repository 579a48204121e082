package io.github.mtls.spring.validation.revocation;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Lets concurrent calls for one key share one call: the first caller runs it, the others
 * wait for its result. Nothing is kept once the call is over.
 *
 * @param <K> the key
 * @param <V> the result
 * @author mtls-spring-boot
 */
final class SingleFlight<K, V extends @Nullable Object> {

	private final Map<K, CompletableFuture<V>> calls = new ConcurrentHashMap<>();

	V call(K key, Supplier<V> call) {
		CompletableFuture<V> own = new CompletableFuture<>();
		CompletableFuture<V> running = this.calls.putIfAbsent(key, own);
		if (running != null) {
			return join(running);
		}
		try {
			V value = call.get();
			own.complete(value);
			return value;
		}
		catch (RuntimeException | Error ex) {
			own.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.calls.remove(key, own);
		}
	}

	private static <V> V join(CompletableFuture<V> running) {
		try {
			return running.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

}
