/**
 * {@code lab notebooks}: the Jupyter notebooks in {@code notebooks/} and the Java kernel they run
 * on (rapaio-jupyter-kernel, copied by the build to {@code lab-app/target/jupyter/}). {@code
 * install} writes the kernel spec {@code securechat-lab} for Jupyter, {@code open} starts Jupyter,
 * {@code run} executes notebooks headless with {@code jupyter-nbconvert} (what CI does), and {@code
 * strip} removes outputs before a notebook is committed. How to use them: {@code
 * notebooks/README.md}.
 */
package securechat.app.notebooks;
