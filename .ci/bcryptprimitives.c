/* A stand-in for Windows' bcryptprimitives.dll, for the Wine check only.
 * Go's Windows runtime (since Go 1.22) takes its random numbers from
 * ProcessPrng in bcryptprimitives.dll, which every Windows from 10 on has
 * but Debian 12's Wine 8.0 does not; without it the program stops before
 * main. This gives ProcessPrng through RtlGenRandom, which Wine has. It is
 * never shipped: .ci/wine-check puts it in the throwaway Wine prefix. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T n) {
    while (n > 0) {
        ULONG chunk = n > 0x40000000 ? 0x40000000 : (ULONG)n;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk;
        n -= chunk;
    }
    return TRUE;
}
