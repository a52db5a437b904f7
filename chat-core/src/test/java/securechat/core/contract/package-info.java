/**
 * Behaviour contracts: the loopback tests that every stage must pass unchanged, whatever protects
 * its wire. A contract is an abstract test class ({@link
 * securechat.core.contract.ChatServerContract}, {@link
 * securechat.core.contract.TranscriptContract}, {@link securechat.core.contract.FaultContract})
 * that starts a real {@link securechat.core.server.ChatServer} through a {@link
 * securechat.core.contract.ServerFixture} and talks to it in plain protocol lines; it never knows
 * how the bytes are protected. A stage runs a contract by extending it in its own module with a
 * one-line {@code …IT} class whose {@code stage()} returns the stage's {@link
 * securechat.core.contract.StageUnderTest}: how to build the server's {@code ChannelSecurity} and
 * how a test client connects through it. The classes travel to the stage modules in chat-core's
 * test-jar; Failsafe runs them there, in each stage's own {@code …IT} subclass.
 */
package securechat.core.contract;
