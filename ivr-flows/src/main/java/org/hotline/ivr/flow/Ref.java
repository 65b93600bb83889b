package org.hotline.ivr.flow;

/** A reference from a flow file to a node, kept with the line it was written on so problems can name it. */
public record Ref(String target, int line) {}
