/**
 * A consumer application of the starter, written as the README's getting started has it.
 */
package com.example.consumer;
