//go:build !linux && !darwin && !windows

package data

func onNetworkDrive(string) (string, bool) { return "", false }
