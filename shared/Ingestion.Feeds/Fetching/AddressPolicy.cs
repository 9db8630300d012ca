using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Ingestion.Feeds;

/// <summary>
/// The SSRF rule: which resolved addresses a feed fetch may connect to. Checked on the address the socket
/// really connects to (not the host name), so DNS rebinding and redirects to internal hosts are caught.
/// </summary>
public static class AddressPolicy
{
    /// <summary>
    /// A SocketsHttpHandler.ConnectCallback that resolves the host itself, refuses non-public addresses (unless
    /// <paramref name="allowPrivate"/>) and connects only to the addresses it checked, so the name is never
    /// resolved again behind its back. Used for every outgoing request the platform makes: feeds, pages, webhooks.
    /// </summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> GuardedConnect(bool allowPrivate) =>
        async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
            var allowed = allowPrivate ? addresses : addresses.Where(IsPublic).ToArray();
            if (allowed.Length == 0)
                throw new AddressRefusedException(addresses.Length == 0
                    ? $"{host} did not resolve"
                    : $"{host} resolves to a non-public address ({string.Join(", ", addresses.Select(a => a.ToString()))}); refused");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsPublicV4(address.MapToIPv4());
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(IPAddress address)
    {
        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        return !(b[0] == 0                                   // "this network", 0.0.0.0 unspecified
            || b[0] == 10                                    // private
            || (b[0] == 100 && (b[1] & 0xC0) == 64)          // CGNAT 100.64/10
            || b[0] == 127                                   // loopback
            || (b[0] == 169 && b[1] == 254)                  // link-local (cloud metadata lives here)
            || (b[0] == 172 && (b[1] & 0xF0) == 16)          // private 172.16/12
            || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // IETF protocol assignments
            || (b[0] == 192 && b[1] == 0 && b[2] == 2)       // TEST-NET-1
            || (b[0] == 192 && b[1] == 168)                  // private
            || (b[0] == 198 && (b[1] & 0xFE) == 18)          // benchmarking 198.18/15
            || (b[0] == 198 && b[1] == 51 && b[2] == 100)    // TEST-NET-2
            || (b[0] == 203 && b[1] == 0 && b[2] == 113)     // TEST-NET-3
            || b[0] >= 224);                                 // multicast, reserved, broadcast
    }

    private static bool IsPublicV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback)) return false;
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return false;
        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        if ((b[0] & 0xFE) == 0xFC) return false;                                  // unique-local fc00::/7
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return false; // documentation 2001:db8::/32
        if (b[..12].IndexOfAnyExcept((byte)0) < 0) return false;                 // ::/96, IPv4-compatible (deprecated)
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..12].IndexOfAnyExcept((byte)0) < 0)
            return IsPublicV4(new IPAddress(b[12..]));                            // NAT64 64:ff9b::/96 embeds an IPv4
        if (b[0] == 0x20 && b[1] == 0x02) return IsPublicV4(new IPAddress(b[2..6])); // 6to4 2002::/16 embeds an IPv4
        return true;
    }
}

/// <summary>Raised inside the connect callback when every resolved address is refused.</summary>
internal sealed class AddressRefusedException(string message) : Exception(message);
