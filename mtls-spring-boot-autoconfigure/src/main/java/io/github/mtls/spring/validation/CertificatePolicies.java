package io.github.mtls.spring.validation;

import java.security.cert.PolicyNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the policies valid for the leaf from a PKIX valid-policy tree.
 *
 * @author mtls-spring-boot
 */
final class CertificatePolicies {

	private CertificatePolicies() {
	}

	/**
	 * Return the valid policies of the tree's nodes at the leaf's depth.
	 * @param tree the valid-policy tree, or {@code null} when it is empty
	 * @param depth the path length (the leaf's depth in the tree)
	 * @return the policy OIDs
	 */
	static Set<String> leafPolicies(@Nullable PolicyNode tree, int depth) {
		Set<String> policies = new HashSet<>();
		if (tree != null) {
			collect(tree, depth, policies);
		}
		return policies;
	}

	private static void collect(PolicyNode node, int depth, Set<String> policies) {
		if (node.getDepth() == depth) {
			policies.add(node.getValidPolicy());
			return;
		}
		Iterator<? extends PolicyNode> children = node.getChildren();
		while (children.hasNext()) {
			collect(children.next(), depth, policies);
		}
	}

}
