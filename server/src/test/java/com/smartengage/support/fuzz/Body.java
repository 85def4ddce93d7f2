package com.smartengage.support.fuzz;

/** A request body (null for none) and what it is, for the report. */
record Body(byte[] bytes, String label) {

}
