package org.opensupervision.approval;

/** An event that cannot happen to the case in the state its earlier events put it in. */
class ImpossibleTransition extends Exception {

    ImpossibleTransition(String message) {
        super(message, null, false, false);
    }
}
