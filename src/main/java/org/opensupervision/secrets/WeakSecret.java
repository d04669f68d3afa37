package org.opensupervision.secrets;

/**
 * A secret setting that may not be used outside development.
 *
 * @param property the configuration property
 * @param environmentVariable where an operator sets it
 * @param problem what is wrong with the value
 * @param howToMakeOne a shell line that sets a good value
 */
record WeakSecret(String property, String environmentVariable, String problem, String howToMakeOne) {

    String describe() {
        return property + " (" + environmentVariable + "): " + problem;
    }
}
