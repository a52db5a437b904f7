/**
 * The attack lab ({@code lab attack …}): real programs that act on real traffic between a real
 * server and real clients on loopback, each ending with a {@link securechat.attacks.Verdict} that
 * says whether it succeeded or was refused, and why. Every attack says what it is about to do
 * before doing it ({@link securechat.attacks.Narrator}) and targets loopback only ({@link
 * securechat.attacks.Loopback}).
 *
 * <p>An attacker knows the wire format, not our internals: this module uses the stages' public API
 * only, the same one their command lines use. The lab guide's chapter {@code 05-attacks.md} walks
 * through each attack.
 */
package securechat.attacks;
